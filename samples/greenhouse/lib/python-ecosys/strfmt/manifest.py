metadata(description="Small string helpers.", version="0.9.0")

module("strfmt.py")
