// Task pane: placeholder until the playground lands.
document.getElementById("app")!.textContent = "critmin";
