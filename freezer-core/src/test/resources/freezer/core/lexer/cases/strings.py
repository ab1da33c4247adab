a = 'single' "double" '''triple 'with' "quotes"
and newline''' """other ''' triple"""
b = '' "" '''''' """"""
c = '\x41\x7e\xff\u00e9\u20ac\U0001F600\U00000041'
d = '\101\0\7\77\777\1234\8\9'
e = '\a\b\f\n\r\t\v\\\'\"'
f = '\q\z\ \{\
continued'
g = 'tab	here' 'x' "y" '''z'''
h = ('a'
     'b'  # comment between
     "c")
i = 'no join' + 'here'
j = 'a' \
    'b'
k = '\'' "\""
l = """triple with escaped quote \""" still inside"""
m = 'q' 'r'; n = 's'
