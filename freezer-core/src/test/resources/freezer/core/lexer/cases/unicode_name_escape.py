x = 1
y = "ok" + "\N{EM DASH}"
