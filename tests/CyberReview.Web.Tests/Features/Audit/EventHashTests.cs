using CyberReview.Data.Audit;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>
/// The canonical serialization is a contract with anyone who re-checks the trail: this hash was computed outside
/// CyberReview (Python's hashlib over the documented byte layout), so the format cannot drift unnoticed.
/// </summary>
public sealed class EventHashTests
{
    private static AuditEvent Event() => new()
    {
        Sequence = 7,
        At = new DateTimeOffset(2026, 11, 26, 12, 0, 0, 123, TimeSpan.Zero),
        ActorId = Guid.Parse("0191f1a2-0000-7000-8000-000000000001"),
        Action = "case.view",
        CaseId = Guid.Parse("0191f1a2-0000-7000-8000-0000000000ca"),
        ObjectKind = "case",
        ObjectId = Guid.Parse("0191f1a2-0000-7000-8000-0000000000ca"),
        Outcome = AuditOutcome.Allowed,
        ClientAddress = "192.0.2.7",
        Purpose = "Ministry enquiry",
        BreakGlass = true,
        PreviousHash = Enumerable.Repeat((byte)0x11, 32).ToArray(),
    };

    [Fact]
    public void The_hash_of_an_event_matches_an_independent_computation() =>
        Assert.Equal("345ee801d464724dc67604017d6e81c7b429444c4a626eb4ed846419a784ed2e", Convert.ToHexStringLower(AuditEventHash.Compute(Event())));

    [Theory]
    [InlineData("Sequence")]
    [InlineData("At")]
    [InlineData("Actor")]
    [InlineData("Token")]
    [InlineData("Action")]
    [InlineData("Case")]
    [InlineData("ObjectKind")]
    [InlineData("Object")]
    [InlineData("Outcome")]
    [InlineData("ClientAddress")]
    [InlineData("Purpose")]
    [InlineData("BreakGlass")]
    [InlineData("PreviousHash")]
    public void Every_field_is_covered_by_the_hash(string field)
    {
        var e = Event();
        var before = AuditEventHash.Compute(e);
        switch (field)
        {
            case "Sequence": e.Sequence++; break;
            case "At": e.At = e.At.AddMilliseconds(1); break;
            case "Actor": e.ActorId = null; break;
            case "Token": e.TokenId = Guid.Empty; break;
            case "Action": e.Action = "case.viem"; break;
            case "Case": e.CaseId = e.ObjectId = Guid.Parse("0191f1a2-0000-7000-8000-0000000000cb"); break;
            case "ObjectKind": e.ObjectKind = null; break;
            case "Object": e.ObjectId = null; break;
            case "Outcome": e.Outcome = AuditOutcome.Denied; break;
            case "ClientAddress": e.ClientAddress = "192.0.2.8"; break;
            case "Purpose": e.Purpose = ""; break;
            case "BreakGlass": e.BreakGlass = false; break;
            case "PreviousHash": e.PreviousHash[31] ^= 1; break;
        }
        Assert.NotEqual(before, AuditEventHash.Compute(e));
    }
}
