"""Security of accounts: throttled log-in, password reset and invitation links, and the log of
security events administrators read (who logged in, failed, was locked out, changed a password,
was given a group or permission, downloaded an extract)."""
