0 1 123 1_000_000 0_0 007 09 1__2 1_
0x1F 0XfF 0o17 0O17 0b101 0B1 0x 0b 0o 0x_1 0b1e2 0x1e5 0x1E 0o7e1
1e10 1E10 1e+5 1E-5 1.5e-3 1.5E+3 1e 1e+ 1.5e- 1.e5 1e5e5 1e-+5
.5 5. 5.5 .5e3 1..2 1.2.3 .5.
1j 1J 1.5j 1e5j 0j 0xj 0x1J 1_j
1if x else y
123abc 0x12g 1e5x
x.5 x .5 x..5
1.__class__ 1 .real
