using ReputationEngine.Evaluation;

return EvaluationCommand.Run(args);
