price = $100
