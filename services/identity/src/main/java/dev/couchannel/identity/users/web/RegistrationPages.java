package dev.couchannel.identity.users.web;

import dev.couchannel.identity.users.application.Registration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The HTML sign-up form and the verification link's landing page. */
@Controller
class RegistrationPages {

    private final Registration registration;

    RegistrationPages(Registration registration) {
        this.registration = registration;
    }

    @GetMapping("/register")
    String form() {
        return "register";
    }

    @PostMapping("/register")
    ModelAndView register(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            Model model) {
        return switch (registration.register(email, password)) {
            case Registration.Outcome.Invalid invalid -> {
                ModelAndView page = new ModelAndView("register", HttpStatus.BAD_REQUEST);
                page.addObject("email", email);
                page.addObject("problems", invalid.problems());
                yield page;
            }
            // a taken address gets the same page as a new one: the form does not reveal who has an account
            case Registration.Outcome.Registered registered -> new ModelAndView("registered").addObject("email", email);
            case Registration.Outcome.Taken taken -> new ModelAndView("registered").addObject("email", email);
        };
    }

    @GetMapping("/verify")
    ModelAndView verify(@RequestParam(defaultValue = "") String token) {
        return registration
                .verify(token)
                .map(user -> new ModelAndView("verified").addObject("email", user.email()))
                .orElseGet(() -> new ModelAndView("verify-failed", HttpStatus.BAD_REQUEST));
    }
}
