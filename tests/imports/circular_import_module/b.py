import a
done = 'b'
print('a partially:', hasattr(a, 'done'))
