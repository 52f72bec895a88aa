attr = 'attribute'
