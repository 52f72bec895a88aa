import b
done = 'a'
