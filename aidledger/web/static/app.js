// The little script the pages use; everything works without it.
"use strict";

// Forms that change a lot ask first.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// Each source's text box opens scrolled to its first highlighted evidence.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".article-text:not(.full)")) {
    const mark = box.querySelector("mark.evidence");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  }
});
