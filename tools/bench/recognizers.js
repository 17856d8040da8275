#!/usr/bin/env node
// The benchmark's peer (tools/bench.sh): Microsoft Recognizers-Text, English, over the bodies of a
// JSON Lines feed, with the models that compare to claimex's figures and times only — numbers,
// percentages, currency, dimensions, temperatures, ages and dates/times. The models are built
// once before the clock starts (building them is not counted); then every body goes through
// every model, one thread, as Recognizers' own pipeline would run them.
// Usage: node tools/bench/recognizers.js FEED.jsonl
// Prints one line: "<body bytes> <articles> <wall seconds> <CPU seconds> <entities>".
"use strict";
const fs = require("fs");
const readline = require("readline");
const N = require("@microsoft/recognizers-text-number");
const U = require("@microsoft/recognizers-text-number-with-unit");
const D = require("@microsoft/recognizers-text-date-time");

async function main() {
  const feed = process.argv[2];
  if (!feed) {
    console.error("usage: recognizers.js FEED.jsonl");
    process.exit(2);
  }
  const bodies = [];
  const lines = readline.createInterface({ input: fs.createReadStream(feed) });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const body = JSON.parse(line).body;
    if (typeof body === "string" && body.trim()) bodies.push(body);
  }
  const culture = N.Culture.English;
  const number = new N.NumberRecognizer(culture);
  const unit = new U.NumberWithUnitRecognizer(culture);
  const date = new D.DateTimeRecognizer(culture);
  const models = [
    number.getNumberModel(), number.getPercentageModel(), unit.getCurrencyModel(),
    unit.getDimensionModel(), unit.getTemperatureModel(), unit.getAgeModel(),
    date.getDateTimeModel(),
  ];
  let bytes = 0, entities = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (const body of bodies) {
    bytes += Buffer.byteLength(body, "utf8");
    for (const model of models) entities += model.parse(body).length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`${bytes} ${bodies.length} ${seconds.toFixed(3)} ${cpuSeconds.toFixed(3)} ${entities}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
