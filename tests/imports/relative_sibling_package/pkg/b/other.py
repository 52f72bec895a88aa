W = 'sibling'
