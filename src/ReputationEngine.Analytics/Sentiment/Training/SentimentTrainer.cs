using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>
/// Trains the sentiment model with ML.NET's L-BFGS maximum-entropy (multinomial logistic
/// regression) trainer on <see cref="SentimentFeaturizer"/> features plus dense lexicon
/// features, then folds the lexicon weights into the token weights (the lexicon features are
/// linear in the tokens, so this changes no score) and fits a softmax temperature on the
/// validation split.
/// </summary>
public static class SentimentTrainer
{
    /// <summary>Temperatures tried for calibration.</summary>
    private const float MinTemperature = 0.3f;
    private const float MaxTemperature = 3f;
    private const float TemperatureStep = 0.02f;

    private static readonly int Dimension = SentimentLexicon.FeatureCount + SentimentFeaturizer.HashSize;

    public static SentimentModel Train(IReadOnlyList<LabeledText> examples, SentimentLexicon lexicon, SentimentTrainingOptions options, Action<string> log)
    {
        var train = examples.Where(e => e.Split == DataSplit.Train).ToList();
        var classWeights = BalanceClasses(train);
        log($"training on {train.Count} examples, class weights {string.Join(" ", classWeights.Select(w => w.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");

        var featurizer = new SentimentFeaturizer(lexicon, options.CharGrams, options.Rules);
        var features = new FeatureVector();
        var rows = train.Select(e => new TrainingRow
        {
            Label = (uint)e.Label,
            Features = ToVBuffer(featurizer, features, e.Text),
            Weight = e.Weight * classWeights[(int)e.Label],
        }).ToList();

        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Dimension);
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), SentimentModel.ClassCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L1Regularization = options.L1Regularization,
            L2Regularization = options.L2Regularization,
            MaximumNumberOfIterations = options.MaximumIterations,
        });
        var fitted = trainer.Fit(data);
        var parameters = fitted.Model;

        VBuffer<float>[] classWeightsVectors = [];
        parameters.GetWeights(ref classWeightsVectors, out var classes);
        if (classes != SentimentModel.ClassCount)
        {
            throw new InvalidOperationException($"Expected {SentimentModel.ClassCount} classes, the trainer produced {classes}.");
        }

        var lexiconWeights = classWeightsVectors.Select(v => string.Join(" ", v.DenseValues().Take(SentimentLexicon.FeatureCount).Select(w => w.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        log($"lexicon feature weights per class (vader+ vader- huliu+ huliu-): {string.Join(" | ", lexiconWeights)}");
        var weights = Fold(classWeightsVectors, lexicon, options.PruneBelow);
        var biases = parameters.GetBiases().ToArray();
        var unit = new SentimentModel(weights, biases, 1f, options.CharGrams, options.Rules);
        var temperature = FitTemperature(unit, examples.Where(e => e.Split == DataSplit.Validation).ToList());
        log($"softmax temperature {temperature:F2} (fitted on the validation split)");
        return new SentimentModel(weights, biases, temperature, options.CharGrams, options.Rules);
    }

    /// <summary>Scales each class's weights so every class carries the same total weight (for macro-F1).</summary>
    private static float[] BalanceClasses(IReadOnlyList<LabeledText> train)
    {
        var totals = new double[SentimentModel.ClassCount];
        foreach (var e in train)
        {
            totals[(int)e.Label] += e.Weight;
        }

        var mean = totals.Average();
        return totals.Select(t => t == 0 ? 0f : (float)(mean / t)).ToArray();
    }

    private static VBuffer<float> ToVBuffer(SentimentFeaturizer featurizer, FeatureVector features, string text)
    {
        featurizer.Featurize(text, features);
        var merged = new SortedDictionary<int, float>();
        for (var k = 0; k < SentimentLexicon.FeatureCount; k++)
        {
            if (features.Lexicon[k] != 0f)
            {
                merged[k] = features.Lexicon[k];
            }
        }

        var indices = features.Indices;
        var values = features.Values;
        for (var i = 0; i < features.Count; i++)
        {
            var index = SentimentLexicon.FeatureCount + indices[i];
            merged[index] = merged.GetValueOrDefault(index) + values[i];
        }

        return new VBuffer<float>(Dimension, merged.Count, merged.Values.ToArray(), merged.Keys.ToArray());
    }

    /// <summary>
    /// Moves the lexicon features' weights onto the unigram rows of the terms they came from:
    /// lexicon feature k of a text is Σ value(term) · unit_k(term), so its weight w_k equals
    /// adding w_k · unit_k(term) to each term's own weight.
    /// </summary>
    private static float[] Fold(VBuffer<float>[] classVectors, SentimentLexicon lexicon, float pruneBelow)
    {
        var classes = SentimentModel.ClassCount;
        var weights = new float[SentimentFeaturizer.HashSize * classes];
        var lexiconWeights = new float[classes, SentimentLexicon.FeatureCount];
        for (var c = 0; c < classes; c++)
        {
            var dense = classVectors[c].DenseValues().ToArray();
            for (var k = 0; k < SentimentLexicon.FeatureCount; k++)
            {
                lexiconWeights[c, k] = dense[k];
            }

            for (var f = 0; f < SentimentFeaturizer.HashSize; f++)
            {
                var w = dense[SentimentLexicon.FeatureCount + f];
                weights[(f * classes) + c] = Math.Abs(w) < pruneBelow ? 0f : w;
            }
        }

        Span<float> unit = stackalloc float[SentimentLexicon.FeatureCount];
        foreach (var term in lexicon.Terms)
        {
            foreach (var negated in new[] { false, true })
            {
                lexicon.Unit(term, negated, unit);
                var row = SentimentFeaturizer.UnigramIndex(term, negated) * classes;
                for (var c = 0; c < classes; c++)
                {
                    for (var k = 0; k < SentimentLexicon.FeatureCount; k++)
                    {
                        weights[row + c] += lexiconWeights[c, k] * unit[k];
                    }
                }
            }
        }

        return weights;
    }

    /// <summary>Picks the temperature with the lowest log-loss on the validation split.</summary>
    private static float FitTemperature(SentimentModel model, IReadOnlyList<LabeledText> validation)
    {
        var featurizer = new SentimentFeaturizer(charGrams: model.CharGrams, rules: model.Rules);
        var features = new FeatureVector();
        var logits = validation.Select(e =>
        {
            featurizer.Featurize(e.Text, features);
            var l = new float[SentimentModel.ClassCount];
            model.Logits(features, l);
            return (Logits: l, e.Label, e.Weight);
        }).ToList();

        var best = 1f;
        var bestLoss = double.MaxValue;
        for (var t = MinTemperature; t <= MaxTemperature; t += TemperatureStep)
        {
            var loss = 0.0;
            foreach (var (l, label, weight) in logits)
            {
                var max = l.Max();
                var sum = l.Sum(x => Math.Exp((x - max) / t));
                loss -= weight * (((l[(int)label] - max) / t) - Math.Log(sum));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return best;
    }
}
