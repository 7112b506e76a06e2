using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CyberReview.Data;
using CyberReview.Data.Commitments;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Commitments;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Commitments;

public sealed record CommitmentItem(Guid Id, CommitmentKind Kind, string Text, DateTimeOffset RequestedAt, string? SignedBy, DateTimeOffset? SignedAt, string? SignedTextSha256);

/// <summary>
/// Enterprise commitments (Art. 3): the office asks for them in a case, the provider signs each under its exact
/// text. Signed commitments never change.
/// </summary>
public sealed class CommitmentCommands(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const int MaxTextLength = 4000;

    public async Task<IReadOnlyList<CommitmentItem>?> ListAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if ((await CaseAccess.PartsAsync(db, user, caseId, cancellationToken)).Count == 0)
            return null;
        var commitments = await db.Commitments.Where(c => c.CaseId == caseId).OrderBy(c => c.RequestedAt).ThenBy(c => c.Kind).ToListAsync(cancellationToken);
        return [.. commitments.Select(c => new CommitmentItem(c.Id, c.Kind, c.Text, c.RequestedAt, c.SignedByName, c.SignedAt,
            c.SignedTextHash is null ? null : Convert.ToHexStringLower(c.SignedTextHash)))];
    }

    /// <summary>The office asks for commitments: the standard ones in their set words, or one in its own words.</summary>
    public async Task<CaseOutcome> RequestAsync(Guid caseId, IReadOnlyList<CommitmentKind> kinds, string? otherText, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        var reviewCase = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        if (!parts.Any(p => CaseOperations.Allows(p, CaseOperation.RequestCommitments, reviewCase.State)))
            return new CaseOutcome.Refused(new CaseRefusal.NotAllowedNow(reviewCase.State, CaseAction.RequestInformation));
        var wanted = kinds.Distinct().ToList();
        if (wanted.Contains(CommitmentKind.Other) && string.IsNullOrWhiteSpace(otherText))
            return new CaseOutcome.Invalid("OtherText", text["Validation.Required", text["Commitments.OtherText"].Value]);
        if (otherText?.Length > MaxTextLength)
            return new CaseOutcome.Invalid("OtherText", text["Validation.MaxLength", text["Commitments.OtherText"].Value, MaxTextLength]);
        if (wanted.Count == 0)
            return new CaseOutcome.Invalid("Kinds", text["Commitments.ChooseOne"]);
        var existing = await db.Commitments.Where(c => c.CaseId == caseId && c.Kind != CommitmentKind.Other).Select(c => c.Kind).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var kind in wanted.Where(k => k == CommitmentKind.Other || !existing.Contains(k)))
        {
            db.Commitments.Add(new Commitment
            {
                Id = Guid.CreateVersion7(now),
                CaseId = caseId,
                Kind = kind,
                // The standard commitments are asked in one fixed wording, the same for every provider and language.
                Text = kind == CommitmentKind.Other ? otherText!.Trim() : StandardText(kind),
                RequestedById = user.UserId(),
                RequestedAt = now,
            });
        }
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "CommitmentsRequested", null, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseOutcome.Done(caseId);
    }

    /// <summary>The provider signs a commitment under the text it reads now; a signed commitment is never signed again.</summary>
    public async Task<CaseOutcome> SignAsync(Guid caseId, Guid commitmentId, bool confirmed, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        var reviewCase = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        if (!parts.Any(p => CaseOperations.Allows(p, CaseOperation.SignCommitments, reviewCase.State)))
            return new CaseOutcome.Refused(new CaseRefusal.NotYourPart(parts[0], [CaseActor.Provider]));
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId && c.CaseId == caseId, cancellationToken);
        if (commitment is null)
            return new CaseOutcome.NotFound();
        if (commitment.SignedAt is not null)
            return new CaseOutcome.Invalid("Commitment", text["Commitments.AlreadySigned"]);
        if (!confirmed)
            return new CaseOutcome.Invalid("Confirmed", text["Commitments.Confirm"]);
        commitment.SignedById = user.UserId();
        commitment.SignedByName = user.FindFirst(ReviewClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "";
        commitment.SignedAt = clock.GetUtcNow();
        commitment.SignedTextHash = SHA256.HashData(Encoding.UTF8.GetBytes(commitment.Text));
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Provider, "CommitmentSigned", null, null, commitment.Kind == CommitmentKind.Other ? commitment.Text : null);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseOutcome.Done(caseId);
    }

    public static string StandardText(CommitmentKind kind) => kind switch
    {
        CommitmentKind.NoIllegalDataCollection =>
            "We will not use the supply of this product or service to collect, store, process or use user data illegally.\n" +
            "我方承诺不利用提供产品或服务的便利非法收集、存储、处理、利用用户数据。",
        CommitmentKind.NoIllegalControl =>
            "We will not use the supply of this product or service to control or manipulate users' systems and devices illegally.\n" +
            "我方承诺不利用提供产品或服务的便利非法控制、操纵用户系统和设备。",
        CommitmentKind.NoUnjustifiedInterruption =>
            "We will not interrupt the supply of this product or service, or the technical support it needs, without justification.\n" +
            "我方承诺无正当理由不中断产品供应或必要的技术支持服务。",
        CommitmentKind.Other => throw new ArgumentOutOfRangeException(nameof(kind), "A commitment of another kind has the office's own words."),
    };
}
