namespace CyberReview.Reviews.Cases;

/// <summary>
/// How a case began, with the particulars its kind needs: who asked (requesting body), under which
/// reference, and why.
/// </summary>
public sealed record Trigger(TriggerKind Kind, string? RequestingBody, string? ReferenceNumber, string? Justification)
{
    /// <summary>The fields this kind of trigger must carry.</summary>
    public static IReadOnlyList<TriggerField> RequiredFields(TriggerKind kind) => kind switch
    {
        TriggerKind.StateDepartmentRequest => [TriggerField.RequestingBody, TriggerField.ReferenceNumber, TriggerField.Justification],
        TriggerKind.IndustryAssociationProposal => [TriggerField.RequestingBody, TriggerField.Justification],
        TriggerKind.MarketReaction => [TriggerField.Justification],
        TriggerKind.ProviderApplication => [],
        TriggerKind.SectorReview => [TriggerField.RequestingBody, TriggerField.ReferenceNumber, TriggerField.Justification],
        TriggerKind.CiiProcurementDeclaration => [TriggerField.RequestingBody, TriggerField.ReferenceNumber, TriggerField.Justification],
    };

    /// <summary>The required fields that are missing or blank; empty when the trigger is complete.</summary>
    public IReadOnlyList<TriggerField> MissingFields() =>
        [.. RequiredFields(Kind).Where(field => string.IsNullOrWhiteSpace(field switch
        {
            TriggerField.RequestingBody => RequestingBody,
            TriggerField.ReferenceNumber => ReferenceNumber,
            TriggerField.Justification => Justification,
        }))];
}

/// <summary>A particular of a trigger.</summary>
public enum TriggerField
{
    RequestingBody,
    ReferenceNumber,
    Justification,
}
