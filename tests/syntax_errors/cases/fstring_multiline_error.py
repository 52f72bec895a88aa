x = 1
y = f'''
first line
{a b}
'''
