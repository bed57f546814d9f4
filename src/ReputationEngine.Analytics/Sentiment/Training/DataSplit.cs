namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>Which part of the data an example belongs to; fixed by a hash of its normalized text.</summary>
public enum DataSplit : byte
{
    Train,
    Validation,
    Test,
}
