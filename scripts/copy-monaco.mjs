console.log('monaco: nothing to copy yet')
