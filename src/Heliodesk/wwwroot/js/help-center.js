// Progressive enhancement only: preselect the visitor's own time zone for a callback window
// (without script the workspace's zone stays selected and the customer picks theirs).
(() => {
    const select = document.getElementById('timeZone');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select && select.dataset.browserZone === 'true' && zone && [...select.options].some(o => o.value === zone)) {
        select.value = zone;
    }
})();
