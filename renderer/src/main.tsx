document.getElementById('root')!.textContent = 'Headroom';
