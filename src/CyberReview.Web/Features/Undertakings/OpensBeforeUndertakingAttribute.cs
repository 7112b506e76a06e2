namespace CyberReview.Web.Features.Undertakings;

/// <summary>
/// Marks the page and the endpoints where the confidentiality terms of a case are read and accepted: the case-material
/// gate lets a member who has not accepted them yet through to these, and to nothing else of the case.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OpensBeforeUndertakingAttribute : Attribute;
