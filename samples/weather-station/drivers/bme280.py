"""Bosch BME280 temperature, pressure and humidity sensor over I2C, in integer arithmetic."""

from micropython import const

_REG_CALIB_00 = const(0x88)
_REG_CHIP_ID = const(0xD0)
_REG_CALIB_26 = const(0xE1)
_REG_CTRL_HUM = const(0xF2)
_REG_CTRL_MEAS = const(0xF4)
_REG_DATA = const(0xF7)

_CHIP_ID = const(0x60)
_MODE_FORCED = const(0b01)
_OVERSAMPLE_X1 = const(0b001)


class SensorError(Exception):
    pass


def _u16(buf, i):
    return buf[i] | buf[i + 1] << 8


def _s16(buf, i):
    v = _u16(buf, i)
    return v - 0x10000 if v & 0x8000 else v


class BME280:
    def __init__(self, bus, addr=0x76):
        self._bus = bus
        self._addr = addr
        chip = bus.readfrom_mem(addr, _REG_CHIP_ID, 1)[0]
        if chip != _CHIP_ID:
            raise SensorError("no BME280 at 0x%02x (chip id 0x%02x)" % (addr, chip))
        self._read_calibration()
        self._t_fine = 0

    def _read_calibration(self):
        c = self._bus.readfrom_mem(self._addr, _REG_CALIB_00, 26)
        self.dig_t = (_u16(c, 0), _s16(c, 2), _s16(c, 4))
        self.dig_p = (_u16(c, 6),) + tuple(_s16(c, i) for i in range(8, 24, 2))
        h = self._bus.readfrom_mem(self._addr, _REG_CALIB_26, 7)
        e4, e5, e6 = h[3], h[4], h[5]
        self.dig_h = (
            c[25],
            _s16(h, 0),
            h[2],
            (e4 << 4) | (e5 & 0x0F),
            (e6 << 4) | (e5 >> 4),
            h[6] - 256 if h[6] > 127 else h[6],
        )

    def _measure(self):
        self._bus.writeto_mem(self._addr, _REG_CTRL_HUM, bytes([_OVERSAMPLE_X1]))
        ctrl = _OVERSAMPLE_X1 << 5 | _OVERSAMPLE_X1 << 2 | _MODE_FORCED
        self._bus.writeto_mem(self._addr, _REG_CTRL_MEAS, bytes([ctrl]))
        d = self._bus.readfrom_mem(self._addr, _REG_DATA, 8)
        raw_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        raw_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        raw_h = (d[6] << 8) | d[7]
        return raw_t, raw_p, raw_h

    def _temperature(self, raw):
        t1, t2, t3 = self.dig_t
        var1 = (((raw >> 3) - (t1 << 1)) * t2) >> 11
        var2 = (((((raw >> 4) - t1) * ((raw >> 4) - t1)) >> 12) * t3) >> 14
        self._t_fine = var1 + var2
        return (self._t_fine * 5 + 128) >> 8

    def _pressure(self, raw):
        p1, p2, p3, p4, p5, p6, p7, p8, p9 = self.dig_p
        var1 = self._t_fine - 128000
        var2 = var1 * var1 * p6
        var2 += (var1 * p5) << 17
        var2 += p4 << 35
        var1 = ((var1 * var1 * p3) >> 8) + ((var1 * p2) << 12)
        var1 = (((1 << 47) + var1) * p1) >> 33
        if var1 == 0:
            return 0
        p = 1048576 - raw
        p = (((p << 31) - var2) * 3125) // var1
        var1 = (p9 * (p >> 13) * (p >> 13)) >> 25
        var2 = (p8 * p) >> 19
        return (((p + var1 + var2) >> 8) + (p7 << 4)) >> 8

    def _humidity(self, raw):
        h1, h2, h3, h4, h5, h6 = self.dig_h
        v = self._t_fine - 76800
        v = ((((raw << 14) - (h4 << 20) - (h5 * v)) + 16384) >> 15) * (
            ((((((v * h6) >> 10) * (((v * h3) >> 11) + 32768)) >> 10) + 2097152) * h2 + 8192) >> 14
        )
        v -= ((((v >> 15) * (v >> 15)) >> 7) * h1) >> 4
        v = min(max(v, 0), 419430400)
        return (v >> 12) * 1000 >> 10

    def read(self):
        """One forced measurement: (hundredths of a degree C, pascals, thousandths of a percent RH)."""
        raw_t, raw_p, raw_h = self._measure()
        t = self._temperature(raw_t)
        return t, self._pressure(raw_p), self._humidity(raw_h)
