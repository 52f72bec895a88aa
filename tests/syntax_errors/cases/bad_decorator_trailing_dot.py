@app.
def f():
    pass
