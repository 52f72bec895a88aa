price = 3,50 €
