using System.Globalization;
using System.Text;

namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>
/// Figures for one evaluation set: binary accuracy on polar items (sign of the score against
/// a positive or negative gold label), three-class macro-F1 and the confusion matrix.
/// </summary>
public sealed class ClassificationMetrics
{
    private readonly int[,] _confusion = new int[SentimentModel.ClassCount, SentimentModel.ClassCount];

    public int Count { get; private set; }

    public int PolarCount { get; private set; }

    public int PolarCorrect { get; private set; }

    public double BinaryAccuracy => PolarCount == 0 ? double.NaN : (double)PolarCorrect / PolarCount;

    /// <summary>Whether the gold labels include neutral; macro-F1 over three classes means little otherwise.</summary>
    public bool HasNeutral => Enumerable.Range(0, SentimentModel.ClassCount).Any(p => _confusion[(int)SentimentClass.Neutral, p] > 0);

    public int this[SentimentClass gold, SentimentClass predicted] => _confusion[(int)gold, (int)predicted];

    public void Add(SentimentClass gold, SentimentResult predicted)
    {
        Count++;
        _confusion[(int)gold, (int)predicted.Label]++;
        if (gold != SentimentClass.Neutral)
        {
            PolarCount++;
            var positive = predicted.Positive >= predicted.Negative;
            PolarCorrect += positive == (gold == SentimentClass.Positive) ? 1 : 0;
        }
    }

    public double MacroF1
    {
        get
        {
            var sum = 0.0;
            for (var c = 0; c < SentimentModel.ClassCount; c++)
            {
                var truePositive = _confusion[c, c];
                var predicted = Enumerable.Range(0, SentimentModel.ClassCount).Sum(g => _confusion[g, c]);
                var actual = Enumerable.Range(0, SentimentModel.ClassCount).Sum(p => _confusion[c, p]);
                var precision = predicted == 0 ? 0 : (double)truePositive / predicted;
                var recall = actual == 0 ? 0 : (double)truePositive / actual;
                sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }

            return sum / SentimentModel.ClassCount;
        }
    }

    /// <summary>Rows gold neg/neu/pos, columns predicted neg/neu/pos, e.g. <c>[12 3 1; 2 8 2; 0 4 20]</c>.</summary>
    public string ConfusionText()
    {
        var builder = new StringBuilder("[");
        for (var g = 0; g < SentimentModel.ClassCount; g++)
        {
            builder.Append(g == 0 ? string.Empty : "; ");
            builder.AppendJoin(' ', Enumerable.Range(0, SentimentModel.ClassCount).Select(p => _confusion[g, p].ToString(CultureInfo.InvariantCulture)));
        }

        return builder.Append(']').ToString();
    }
}
