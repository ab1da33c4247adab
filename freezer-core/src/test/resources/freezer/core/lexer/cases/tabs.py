if a:
	b = 1	# tab comment
		c
x	=	1
 	y
if b:
   	c
	d
