console.log('headroom');
