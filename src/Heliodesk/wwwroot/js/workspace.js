// Small browser helpers for the agent workspace; everything else runs on the server circuit.
window.heliodesk = window.heliodesk || {};
