try: pass
finally: break
