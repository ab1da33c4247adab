metadata(description="A minimal SSD1306 text driver.", version="0.3.0")

module("ssd1306_mini.py", opt=3)
