# Text on a 128x64 SSD1306 over I2C (commands only; a real driver also keeps a frame buffer).
ADDRESS = 0x3C
INIT = (0xAE, 0xD5, 0x80, 0xA8, 0x3F, 0xD3, 0x00, 0x40, 0x8D, 0x14, 0xAF)


class Display:
    def __init__(self, i2c):
        self.i2c = i2c
        for command in INIT:
            self.i2c.writeto(ADDRESS, bytes((0x00, command)))

    def text(self, row, message):
        self.i2c.writeto(ADDRESS, bytes((0x40,)) + message[:16].encode())
