namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>One training or evaluation example.</summary>
/// <param name="Corpus">Short corpus name, e.g. <c>vader-movie</c>.</param>
/// <param name="Text">The text as the corpus has it.</param>
/// <param name="Label">Gold class.</param>
/// <param name="Rating">Mean human rating −4..+4 for the rated corpora, otherwise null.</param>
/// <param name="Weight">Relative trust in the label (noisy neutral labels count less).</param>
/// <param name="Split">Train, validation or test, fixed by the text.</param>
public sealed record LabeledText(string Corpus, string Text, SentimentClass Label, float? Rating, float Weight, DataSplit Split);
