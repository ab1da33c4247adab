y = r"\N{EM DASH}" + "after"
