extension HTMLReport {
    /// Part colours match the terminal's: context teal, choice blue, trade-off purple, result green.
    static let css = #"""
    :root { --context:#0f9ba8; --choice:#3867d6; --tradeoff:#8e44ad; --result:#27935a; --filler:#e67e22;
      --pause:#d63a3a; --ink:#1d2330; --muted:#5f6b7a; --bg:#f3f4f7; }
    * { box-sizing:border-box; }
    body { margin:0; background:var(--bg); color:var(--ink);
      font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif; }
    main { max-width:1040px; margin:0 auto; padding:24px 20px 40px; }
    header.top { display:flex; justify-content:space-between; gap:16px; align-items:flex-start; }
    h1 { font-size:22px; margin:4px 0; line-height:1.3; }
    h2 { font-size:16px; margin:0 0 10px; }
    .eyebrow { text-transform:uppercase; letter-spacing:.06em; font-size:12px; color:var(--muted); margin:0; }
    .muted { color:var(--muted); } .small { font-size:13px; margin:0 0 10px; }
    .score { flex:none; font-size:40px; font-weight:700; line-height:1.1; border-radius:14px; padding:8px 16px; color:#fff; }
    .score small { font-size:16px; opacity:.85; }
    .grade-good { background:#27935a; } .grade-fair { background:#c27c0e; } .grade-poor { background:#c0392b; }
    .stats { display:grid; grid-template-columns:repeat(auto-fit,minmax(140px,1fr)); gap:10px; margin:18px 0; }
    .stat { background:#fff; border-radius:10px; padding:8px 12px; border-left:4px solid #c5cbd6; }
    .stat.ok { border-color:#27935a; } .stat.warn { border-color:var(--filler); }
    .stat span { display:block; font-size:12px; color:var(--muted); } .stat b { font-size:18px; }
    .card { background:#fff; border-radius:12px; padding:16px 18px; margin:14px 0; box-shadow:0 1px 2px rgba(0,0,0,.07); }
    .player { margin:14px 0; } .player p { margin:4px 2px 0; } audio { width:100%; }
    .notice { background:#fff4e0; border:1px solid #f1c27d; border-radius:10px; padding:10px 14px; margin:14px 0; }
    .notice ul { margin:0; padding-left:18px; }
    .legend { display:flex; flex-wrap:wrap; gap:4px 14px; font-size:13px; margin-bottom:8px; }
    .key em { color:var(--pause); font-style:normal; font-size:12px; }
    .swatch { display:inline-block; width:12px; height:12px; border-radius:3px; margin-right:5px; vertical-align:-1px; }
    .swatch.part-context { background:var(--context); } .swatch.part-choice { background:var(--choice); }
    .swatch.part-tradeoff { background:var(--tradeoff); } .swatch.part-result { background:var(--result); }
    .filler-swatch { background:var(--filler); } .pause-swatch { background:#f0a3a3; }
    .timeline { position:relative; }
    .lane { position:relative; }
    .lane.labels { height:20px; }
    .band-label { position:absolute; top:0; font-size:12px; font-weight:600; white-space:nowrap; overflow:hidden;
      text-overflow:ellipsis; padding-left:2px; }
    .label-context { color:var(--context); } .label-choice { color:var(--choice); }
    .label-tradeoff { color:var(--tradeoff); } .label-result { color:var(--result); }
    svg.tl { display:block; width:100%; height:164px; cursor:pointer; }
    .band.part-context, .tint.part-context { fill:var(--context); } .band.part-choice, .tint.part-choice { fill:var(--choice); }
    .band.part-tradeoff, .tint.part-tradeoff { fill:var(--tradeoff); } .band.part-result, .tint.part-result { fill:var(--result); }
    .tint { opacity:.09; }
    .wave { fill:#46526b; }
    .speech { fill:#9aa5b8; }
    .pause-long { fill:var(--pause); opacity:.2; }
    .filler { stroke:var(--filler); stroke-width:2; vector-effect:non-scaling-stroke; }
    .playhead { stroke:#111; stroke-width:1.5; vector-effect:non-scaling-stroke; opacity:0; }
    .playing .playhead { opacity:1; }
    .lane.marks { height:62px; }
    .mark { position:absolute; transform:translateX(-50%); font:600 11px/1.4 inherit; border:0; border-radius:8px;
      padding:1px 5px; cursor:pointer; white-space:nowrap; }
    .filler-mark { background:#fde2c4; color:#7a3e06; }
    .pause-mark { background:#f8d3d3; color:#8f1f1f; }
    .row0 { top:2px; } .row1 { top:22px; } .row2 { top:42px; }
    .axis { position:relative; height:20px; font-size:11px; color:var(--muted); border-top:1px solid #d5d9e0; }
    .axis span { position:absolute; top:2px; transform:translateX(-50%); }
    .chart { position:relative; padding-left:30px; }
    .plot { position:relative; height:200px; }
    svg.pace { display:block; width:100%; height:200px; overflow:visible; }
    .band-ok { fill:#27935a; opacity:.13; }
    .pace-line { fill:none; stroke:var(--choice); stroke-width:2.5; stroke-linejoin:round; vector-effect:non-scaling-stroke; }
    .dot { stroke:var(--choice); stroke-width:9; stroke-linecap:round; vector-effect:non-scaling-stroke; }
    .dot.off { stroke:var(--filler); }
    .value { position:absolute; transform:translate(-50%,-160%); font-size:11px; font-weight:600; }
    .value.off { color:#a9550b; }
    .ylabel { position:absolute; left:-30px; transform:translateY(-50%); font-size:11px; color:#1e7a47; }
    ul.parts { list-style:none; padding:0; margin:0; display:grid; grid-template-columns:repeat(auto-fit,minmax(220px,1fr)); gap:10px; }
    li.part { border-left:5px solid; padding:8px 10px; background:#f7f8fa; border-radius:6px; }
    li.part-context { border-color:var(--context); } li.part-choice { border-color:var(--choice); }
    li.part-tradeoff { border-color:var(--tradeoff); } li.part-result { border-color:var(--result); }
    li.absent { border-left-style:dashed; background:#fdf3f3; }
    .part-head { display:flex; justify-content:space-between; gap:8px; align-items:baseline; }
    button.time { font:12px inherit; border:0; background:none; color:var(--muted); cursor:pointer; padding:0; }
    q { display:block; margin-top:4px; color:#2b3240; }
    .transcript { line-height:2.1; font-size:16px; margin:0; }
    .w { border-bottom:3px solid transparent; padding:1px 0; }
    [data-t] { cursor:pointer; } .w[data-t]:hover { background:#e9edf5; }
    .in-context { border-bottom-color:var(--context); } .in-choice { border-bottom-color:var(--choice); }
    .in-tradeoff { border-bottom-color:var(--tradeoff); } .in-result { border-bottom-color:var(--result); }
    mark.filler { background:#fde2c4; color:#7a3e06; border-radius:3px; padding:1px 3px; }
    .w.current { background:#ffe27a; }
    .gap { font-size:12px; color:#8f1f1f; background:#f8d3d3; border-radius:8px; padding:1px 6px; white-space:nowrap; }
    .pair { display:grid; grid-template-columns:1fr 1fr; gap:14px; margin:14px 0; }
    .pair .card { margin:0; }
    ul.flags { list-style:none; padding:0; margin:0 0 8px; } ul.flags li { margin-bottom:8px; }
    li.good b { color:#1e7a47; } li.bad b { color:#b0302a; }
    ol.follow { margin:0; padding-left:20px; } ol.follow li { margin-bottom:6px; }
    h3 { font-size:14px; margin:0 0 8px; } ol.fixes { margin-bottom:14px; } ol.fixes q { color:#4a5262; }
    .breakdown { width:100%; border-collapse:collapse; }
    .breakdown th { text-align:left; padding:6px 8px 6px 0; width:110px; vertical-align:top; border-top:1px solid #eef0f4; }
    .breakdown td { padding:6px 8px; border-top:1px solid #eef0f4; vertical-align:top; }
    .breakdown .pts { white-space:nowrap; width:70px; }
    footer { color:var(--muted); font-size:12px; margin-top:24px; text-align:center; }
    @media (max-width:700px) { .pair { grid-template-columns:1fr; } }
    @media (max-width:600px) {
      main { padding:14px 10px 30px; } h1 { font-size:18px; }
      .score { font-size:28px; padding:6px 10px; } .card { padding:12px; }
      .stats { grid-template-columns:repeat(3,1fr); gap:6px; } .stat { padding:6px 8px; } .stat b { font-size:15px; }
      .band-label:not(.wide) { display:none; }
      .breakdown tr { display:grid; grid-template-columns:1fr auto; border-top:1px solid #eef0f4; padding:6px 0; }
      .breakdown th, .breakdown td { border:0; padding:0; width:auto; }
      .breakdown td:last-child { grid-column:1 / -1; margin-top:2px; color:#2b3240; }
      svg.tl { height:130px; } .plot, svg.pace { height:160px; }
    }
    """#

    /// Seeking from words, marks and the timeline; a playhead and the current word while playing.
    static let script = #"""
    (function () {
      var audio = document.getElementById('audio');
      var tl = document.getElementById('timeline');
      function seek(t) {
        if (!audio) return;
        audio.currentTime = Math.max(0, t - 0.15);
        audio.play();
      }
      document.querySelectorAll('[data-t]').forEach(function (el) {
        el.addEventListener('click', function (ev) { ev.stopPropagation(); seek(parseFloat(el.dataset.t)); });
      });
      if (!tl) return;
      var d = parseFloat(tl.dataset.duration);
      tl.querySelector('svg').addEventListener('click', function (ev) {
        var r = this.getBoundingClientRect();
        seek((ev.clientX - r.left) / r.width * d);
      });
      if (!audio) return;
      var head = document.getElementById('playhead');
      var words = Array.prototype.slice.call(document.querySelectorAll('.transcript [data-t]'));
      var current = null;
      audio.addEventListener('timeupdate', function () {
        var t = audio.currentTime, x = Math.min(1000, t / d * 1000);
        head.setAttribute('x1', x); head.setAttribute('x2', x);
        tl.classList.add('playing');
        var next = null;
        for (var i = 0; i < words.length && parseFloat(words[i].dataset.t) <= t; i++) next = words[i];
        if (next !== current) {
          if (current) current.classList.remove('current');
          if (next) next.classList.add('current');
          current = next;
        }
      });
    })();
    """#
}
