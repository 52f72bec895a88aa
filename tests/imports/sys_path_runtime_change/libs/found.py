W = 'libs'
