print("lazy_mod body runs")
ANSWER = 42
