using Microsoft.ML.Data;

namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>One featurized example as ML.NET reads it (label: the class index 0..2; the
/// enumerable loader maps it to ML.NET's 1-based key itself).</summary>
public sealed class TrainingRow
{
    public uint Label { get; set; }

    public VBuffer<float> Features { get; set; }

    public float Weight { get; set; }
}
