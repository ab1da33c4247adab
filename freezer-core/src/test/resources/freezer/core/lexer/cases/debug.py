x = __debug__
y = a.__debug__
