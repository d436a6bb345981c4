"""The verdict core: a policy, an invoice and a claim decide what is reimbursed."""
