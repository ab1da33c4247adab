


x


