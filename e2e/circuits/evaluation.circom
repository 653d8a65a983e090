pragma circom 2.0.0;

// A model evaluation in LazAI Chain's layout (docs/verified-computing.md): the public inputs are
// the model id, the dataset's DAT id and the score in parts per million; privately, whether the
// model got each of the 8 samples right. Each outcome is 0 or 1, and every right answer is worth
// 1,000,000 / 8 = 125,000.
template Evaluation(samples, unit) {
    signal input model;
    signal input dataset;
    signal input score;
    signal input correct[samples];

    var total = 0;
    for (var i = 0; i < samples; i++) {
        correct[i] * (correct[i] - 1) === 0;
        total += correct[i];
    }
    score === total * unit;
}

component main {public [model, dataset, score]} = Evaluation(8, 125000);
