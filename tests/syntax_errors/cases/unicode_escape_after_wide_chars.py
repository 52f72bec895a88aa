s = '日本語 \N{BOGUS}'
