y = b"\N"
