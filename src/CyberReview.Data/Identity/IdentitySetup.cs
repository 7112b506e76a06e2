using CyberReview.Reviews.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Data.Identity;

public static class IdentitySetup
{
    /// <summary>Identity's users, roles, password rules, lockout and tokens on the CyberReview database.</summary>
    public static IdentityBuilder AddReviewIdentityCore(this IServiceCollection services) =>
        services
            .AddIdentityCore<User>(options =>
            {
                // Length is the rule (PasswordPolicy); composition rules are off, as NIST SP 800-63B asks.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ReviewDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PolicyPasswordValidator>();

    /// <summary>The role names Identity stores, one per <see cref="Role"/>.</summary>
    public static string RoleName(Role role) => role.ToString();
}

/// <summary>Applies <see cref="PasswordPolicy"/> wherever Identity sets a password.</summary>
internal sealed class PolicyPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var refusal = PasswordPolicy.Check(password ?? "", [user.UserName, user.Email, user.DisplayName]);
        return Task.FromResult(refusal switch
        {
            null => IdentityResult.Success,
            PasswordRefusal.TooShort tooShort => Failed("PasswordTooShort", $"Use at least {tooShort.Minimum} characters; a phrase of several words is easiest to remember."),
            PasswordRefusal.TooLong tooLong => Failed("PasswordTooLong", $"Use at most {tooLong.Maximum} characters."),
            PasswordRefusal.Common => Failed("PasswordCommon", "This password is too common or too predictable; choose another."),
            PasswordRefusal.ContainsContext context => Failed("PasswordContainsContext", $"Do not build the password on '{context.Word}'."),
            _ => throw new InvalidOperationException("Unknown password refusal."),
        });
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
