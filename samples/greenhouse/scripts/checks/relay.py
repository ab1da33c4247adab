# A nested script frozen as text: `import checks.relay`.
def run():
    return "relay check ok"
