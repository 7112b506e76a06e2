using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseListLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_State_UpdatedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UpdatedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseMembers_CaseId",
                table: "CaseMembers");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_UpdatedAt_Id",
                table: "Cases",
                columns: new[] { "State", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UpdatedAt_Id",
                table: "Cases",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMembers_CaseId_Part_OrganisationId",
                table: "CaseMembers",
                columns: new[] { "CaseId", "Part", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMembers_CaseId_Part_UserId",
                table: "CaseMembers",
                columns: new[] { "CaseId", "Part", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_State_UpdatedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UpdatedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseMembers_CaseId_Part_OrganisationId",
                table: "CaseMembers");

            migrationBuilder.DropIndex(
                name: "IX_CaseMembers_CaseId_Part_UserId",
                table: "CaseMembers");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_UpdatedAt",
                table: "Cases",
                columns: new[] { "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UpdatedAt",
                table: "Cases",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CaseMembers_CaseId",
                table: "CaseMembers",
                column: "CaseId");
        }
    }
}
