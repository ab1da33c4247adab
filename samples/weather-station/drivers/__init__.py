"""Sensor drivers. Each takes a bus object with readfrom_mem and writeto_mem, as machine.I2C has."""
