a = R'x' U'x' B'x' F'x' T'x' Rb'x' bR'x' BR'x'
b = ub'x' bu'x' ur'x' ru'x' fb'x' bf'x' tf'x' ft'x' tb'x'
c = rb'x' br'x' rf'{1}' fr'{1}' rt'x' tr'x'
d = rfx'x' r f'x' br
e = u'x' b'y'
