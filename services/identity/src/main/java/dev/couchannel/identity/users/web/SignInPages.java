package dev.couchannel.identity.users.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (password and passkey) and the page a signed-in user lands on. */
@Controller
class SignInPages {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute(
                    "error",
                    failure instanceof AuthenticationException refused && refused.getMessage() != null
                            ? refused.getMessage()
                            : "Sign-in failed. Check your e-mail address and password, or your passkey.");
        }
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        return "login";
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("email", principal.getName());
        return "home";
    }
}
